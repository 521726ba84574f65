"""What an uploaded file is, by its bytes alone: "pdf", "docx", or a refusal with a sentence a person understands.

Pure: takes a seekable binary file, touches no settings, database or storage. A Word document is a ZIP; every limit
below is checked against the ZIP's central directory before a single entry is inflated. zipfile then never inflates
an entry past the size its central directory declares (it stops there and fails the CRC), so these limits hold for
everything read later, by the docx reader included.
"""

import zipfile
from dataclasses import dataclass

PDF_MAGIC = b"%PDF-"
# The PDF header may follow a little junk (some generators write a BOM or a line first); readers accept 1 KB.
MAGIC_SEARCH_BYTES = 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: Word 97-2003 .doc, or an encrypted .docx
ZIP_MAGIC = b"PK\x03\x04"

# A resume .docx is a few dozen entries and a few MB inflated; a photo is the largest part. Far above that is an attack.
MAX_ENTRIES = 1000
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
# XML compresses 5-20x; a bomb is 1000x. Only entries large enough to matter are judged by their ratio.
MAX_RATIO = 100
RATIO_MIN_BYTES = 1024 * 1024
MAX_CONTENT_TYPES_BYTES = 1024 * 1024

CONTENT_TYPES = "[Content_Types].xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
WORD_TEMPLATE_MAINS = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
VBA_PROJECT = "application/vnd.ms-office.vbaProject"

NEITHER = "The file is neither a PDF nor a Word document (.docx). Upload your resume as a PDF or .docx file."
NOT_ACCEPTED = "not_pdf"  # the contract's code for a file refused by its bytes, kept for every unknown kind
SAVE_AS = "Save it as .docx (File → Save As → Word Document) or export it as a PDF, and upload it again."


@dataclass
class Refused(Exception):
    message: str
    code: str


def sniff(handle):
    """Return "pdf" or "docx" for a seekable binary file, or raise Refused. Leaves the file at position 0."""
    try:
        handle.seek(0)
        head = handle.read(MAGIC_SEARCH_BYTES)
        if PDF_MAGIC in head:
            return "pdf"
        if head.startswith(OLE_MAGIC):
            raise Refused(
                "This is an old-format Word document (.doc) or a password-protected Word file, which cannot be read. "
                + SAVE_AS,
                "unsupported_word_format",
            )
        if head.startswith(ZIP_MAGIC):
            return _sniff_zip(handle)
        raise Refused(NEITHER, NOT_ACCEPTED)
    finally:
        handle.seek(0)


def _sniff_zip(handle):
    try:
        with zipfile.ZipFile(handle) as archive:
            entries = archive.infolist()
            _check_zip_limits(entries)
            names = {entry.filename: entry for entry in entries}
            if CONTENT_TYPES not in names:
                raise Refused(
                    "The file is a ZIP archive, not a Word document. Upload your resume as a PDF or .docx file.",
                    NOT_ACCEPTED,
                )
            if names[CONTENT_TYPES].file_size > MAX_CONTENT_TYPES_BYTES:
                raise _bomb()
            content_types = archive.read(CONTENT_TYPES).decode("utf-8", "replace")
    except Refused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, ValueError):
        raise Refused(NEITHER, NOT_ACCEPTED) from None
    return _word_kind(content_types, names)


def _check_zip_limits(entries):
    if len(entries) > MAX_ENTRIES:
        raise _bomb()
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > RATIO_MIN_BYTES and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise _bomb()
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _bomb()


def _bomb():
    return Refused(
        "The file is a ZIP archive that would expand far beyond any resume (a ZIP bomb), so it was not opened.",
        "zip_bomb",
    )


def _word_kind(content_types, names):
    # The main part is declared by its content type; the name (word/document.xml) is only a convention.
    macros = any(name.lower().endswith("vbaproject.bin") for name in names)
    if macros or DOCM_MAIN in content_types or VBA_PROJECT in content_types:
        raise Refused(
            "The Word document contains macros (.docm), which are not accepted. "
            "Save it as a plain Word Document (.docx) or export it as a PDF, and upload it again.",
            "macro_document",
        )
    if DOCX_MAIN in content_types:
        return "docx"
    if any(main in content_types for main in WORD_TEMPLATE_MAINS):
        raise Refused("The file is a Word template (.dotx), not a document. " + SAVE_AS, "unsupported_word_format")
    raise Refused(
        "The file is a ZIP archive (or an Office file) but not a Word document. "
        "Upload your resume as a PDF or .docx file.",
        NOT_ACCEPTED,
    )


EXTENSIONS = {"pdf": ".pdf", "docx": ".docx"}
CONTENT_TYPES_BY_KIND = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def kind_of_name(name):
    """The kind a stored file was accepted as, from the extension the upload code gave its generated name."""
    return "docx" if str(name or "").lower().endswith(".docx") else "pdf"
