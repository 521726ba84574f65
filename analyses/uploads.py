"""Storing an uploaded resume: size limit while streaming, a generated name with its kind's extension, SHA-256."""

import contextlib
import hashlib
import unicodedata
import uuid
from pathlib import PurePosixPath, PureWindowsPath

from django.core.files.storage import default_storage
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.utils import timezone

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
