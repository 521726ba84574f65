"""Reading and storing an uploaded resume: a multipart parser that notices a broken body, the size limit while
streaming, a generated name with its kind's extension, SHA-256."""

import contextlib
import hashlib
import unicodedata
import uuid
from pathlib import PurePosixPath, PureWindowsPath

from django.core.files.storage import default_storage
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils import timezone
from django.utils.http import parse_header_parameters
from rest_framework.parsers import MultiPartParser

from .filetypes import EXTENSIONS


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops reading an upload as soon as it passes the limit, so an oversized body never fills memory or disk."""

    def __init__(self, request=None, limit=None):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.limit is not None and self.received > self.limit:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


class CheckedMultiPartParser(MultiPartParser):
    """DRF's multipart parser, noting on the request whether the body reached its closing delimiter
    (`request.multipart_complete`): Django's parser reads a body with the wrong boundary, or cut off inside a part,
    as a form with fewer parts and no complaint, so the view could not tell a broken body from a missing field."""

    def parse(self, stream, media_type=None, parser_context=None):
        boundary = parse_header_parameters(media_type or "")[1].get("boundary", "")
        if not boundary or stream is None:
            return super().parse(stream, media_type, parser_context)  # Django refuses it with its own error
        watched = ClosingDelimiterWatch(stream, boundary.encode("latin-1", "replace"))
        try:
            return super().parse(watched, media_type, parser_context)
        finally:
            parser_context["request"].multipart_complete = watched.seen


class ClosingDelimiterWatch:
    """A request body read through once, noting whether the multipart closing delimiter (`--boundary--`) went past."""

    def __init__(self, stream, boundary):
        self._stream = stream
        self._closing = b"--" + boundary + b"--"
        self._tail = b""
        self.seen = False

    def read(self, size=-1):
        chunk = self._stream.read(size)
        if chunk and not self.seen:
            window = self._tail + chunk  # the delimiter may straddle two reads
            self.seen = self._closing in window
            self._tail = window[-(len(self._closing) - 1) :]
        return chunk


def display_name(client_name):
    """The client's file name, safe to show: no directories, no control characters, at most 200 characters."""
    name = unicodedata.normalize("NFC", client_name or "")
    name = PureWindowsPath(PurePosixPath(name).name).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().strip(".")
    return (name or "resume.pdf")[:200]


def store_upload(uploaded_file, kind="pdf"):
    """Write the file under a generated name; return (storage name, size, sha256)."""
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    now = timezone.now()
    wanted = f"resumes/{now:%Y/%m}/{uuid.uuid4().hex}{EXTENSIONS[kind]}"
    try:
        name = default_storage.save(wanted, uploaded_file)
    except Exception as error:
        # A full disk fails half-way through the write; the storage leaves the partial file behind.
        with contextlib.suppress(Exception):
            default_storage.delete(wanted)
        raise StorageError(f"Could not store the upload: {error}") from error
    return name, uploaded_file.size, digest.hexdigest()


class StorageError(OSError):
    """The storage backend could not keep the upload. A folder raises OSError, a bucket botocore's errors (refused,
    missing bucket, unreachable endpoint); the API answers all of them with 507 through this one OSError."""
