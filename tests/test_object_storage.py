"""Uploads in an S3-compatible bucket: a real S3 server (moto's, from PyPI, in server mode on a loopback port) and a
real web server and worker configured for it by environment only (STORAGE_BUCKET & co.), as a deployment would be."""

import contextlib
import datetime
import subprocess
import time
import uuid

import boto3
import pytest

from . import pdfs
from .catalog_files import write_small_catalog
from .live import BIN, db_uuid, free_port, http, live_stack, manage, query, read_one, upload, wait_for_status

pytestmark = pytest.mark.e2e

CREDENTIALS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret", "region_name": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    """moto's S3 server on a free loopback port for this module's tests."""
    port = free_port()
    log = open(tmp_path_factory.mktemp("moto") / "moto.log", "ab")  # noqa: SIM115
    server = subprocess.Popen(
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(Exception):
                boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS).list_buckets()
                break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"moto_server did not start on {endpoint}; see {log.name}")
            time.sleep(0.2)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def bucket_env(endpoint, bucket, tmp_path):
    return {
        "STORAGE_BUCKET": bucket,
        "STORAGE_ENDPOINT_URL": endpoint,
        "STORAGE_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "STORAGE_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        "STORAGE_REGION": CREDENTIALS["region_name"],
        "STORAGE_ADDRESSING_STYLE": "path",
        "STORAGE_PREFIX": "uploads",
        # A folder that must stay empty: nothing may fall back to local storage.
        "MEDIA_ROOT": tmp_path / "local-uploads",
    }


def stored_keys(s3, bucket):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


def stored_name(env, task_id):
    return read_one(env, "SELECT file FROM analyses_analysis WHERE id = ?", [db_uuid(env, task_id)])


def row_count(env):
    return read_one(env, "SELECT count(*) FROM analyses_analysis")


def test_uploads_live_in_the_bucket_from_save_to_purge(s3_endpoint, tmp_path):
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS)
    bucket = "resumes-" + uuid.uuid4().hex[:12]
    s3.create_bucket(Bucket=bucket)
    data = pdfs.resume_pdf()
    catalog = write_small_catalog(tmp_path / "catalog")

    with live_stack(tmp_path, catalog_dir=catalog, **bucket_env(s3_endpoint, bucket, tmp_path)) as (base_url, env):
        # Saved in the bucket under its generated name, read back by the worker, analysed.
        status, body, _ = upload(base_url, data)
        assert status == 202, body
        first = body["task_id"]
        assert wait_for_status(base_url, first)["status"] == "completed"
        _, result, _ = http("GET", f"{base_url}/api/v1/resume/result/{first}")
        assert "Python" in result["technical_skills"]
        key = "uploads/" + stored_name(env, first)
        assert stored_keys(s3, bucket) == [key]
        assert s3.get_object(Bucket=bucket, Key=key)["Body"].read() == data
        assert not (tmp_path / "local-uploads").exists()

        # Deleted through the API: the row and the object.
        status, _, _ = http("DELETE", f"{base_url}/api/v1/resume/{first}")
        assert status == 204
        assert stored_keys(s3, bucket) == []

        # The purge command removes old analyses' objects and keeps recent ones.
        old, recent = (upload(base_url, data)[1]["task_id"] for _ in range(2))
        for task_id in (old, recent):
            assert wait_for_status(base_url, task_id)["status"] == "completed"
        recent_key = "uploads/" + stored_name(env, recent)
        aged = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=40)
        query(
            env,
            "from analyses.models import Analysis; import datetime; "
            f"Analysis.objects.filter(pk='{old}').update(created_at=datetime.datetime.fromisoformat('{aged.isoformat()}'))",
        )
        assert "Deleted 1 analysis" in manage(env, "purge_analyses", "--older-than", "30d").stdout
        assert stored_keys(s3, bucket) == [recent_key]
        assert row_count(env) == 1

        # A bucket that refuses writes (here: it no longer exists): 507 with a sentence, and no row is left.
        s3.delete_object(Bucket=bucket, Key=recent_key)
        s3.delete_bucket(Bucket=bucket)
        status, body, _ = upload(base_url, data)
        assert status == 507, body
        assert body["code"] == "storage" and "could not store" in body["error"]
        assert row_count(env) == 1  # only the analysis uploaded before
        assert not (tmp_path / "local-uploads").exists()
