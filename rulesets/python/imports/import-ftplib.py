"""Nightly export of the sales reports to the partner's file server."""
import importlib
import os
# ruleid: python.imports.import-ftplib
import ftplib
# ruleid: python.imports.import-ftplib
import ftplib as ftp_client
# ruleid: python.imports.import-ftplib
from ftplib import FTP
# ruleid: python.imports.import-ftplib
from ftplib import FTP_TLS as SecureFTP
# ruleid: python.imports.import-ftplib
from ftplib import FTP, error_perm
# ruleid: python.imports.import-ftplib
import os.path, ftplib
# ok: python.imports.import-ftplib
import paramiko
# ok: python.imports.import-ftplib
from fsspec.implementations.sftp import SFTPFileSystem
# ok: python.imports.import-ftplib
from .storage import ftplib_settings

EXPORT_DIR = "/srv/exports"


def upload_report(host, user, password, name):
    with FTP(host, user, password) as ftp, open(os.path.join(EXPORT_DIR, name), "rb") as fh:
        ftp.storbinary(f"STOR {name}", fh)


def list_remote(host):
    with ftp_client.FTP(host) as ftp:
        ftp.login()
        return ftp.nlst()


def upload_report_tls(host, user, password, name):
    with SecureFTP(host, user, password) as ftp, open(os.path.join(EXPORT_DIR, name), "rb") as fh:
        ftp.prot_p()
        ftp.storbinary(f"STOR {name}", fh)


def transport_for(scheme):
    if scheme == "ftp":
        # ruleid: python.imports.import-ftplib
        return importlib.import_module("ftplib")
    # ok: python.imports.import-ftplib
    return importlib.import_module("paramiko")


def lazy_ftp(host):
    # ruleid: python.imports.import-ftplib
    from ftplib import FTP as LazyFTP

    return LazyFTP(host)


def upload_sftp(host, user, password, name):
    transport = paramiko.Transport((host, 22))
    transport.connect(username=user, password=password)
    with paramiko.SFTPClient.from_transport(transport) as sftp:
        # ok: python.imports.import-ftplib
        sftp.put(os.path.join(EXPORT_DIR, name), f"/incoming/{name}")
