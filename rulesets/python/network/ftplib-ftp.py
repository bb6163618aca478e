import ftplib
import ftplib as ftp_client
from ftplib import FTP

import paramiko


def upload_report(path, user, password):
    # ruleid: python.network.ftplib-ftp
    ftp = ftplib.FTP("ftp.example.com")
    ftp.login(user, password)
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)
    ftp.quit()


def list_incoming(host):
    # ruleid: python.network.ftplib-ftp
    with FTP(host, timeout=30) as conn:
        conn.login()
        return conn.nlst("incoming")


def connect(host, user, password):
    # ruleid: python.network.ftplib-ftp
    conn = ftp_client.FTP(host=host, user=user, passwd=password)
    return conn


def upload_report_tls(path, user, password):
    # ok: python.network.ftplib-ftp
    ftp = ftplib.FTP_TLS("ftp.example.com")
    ftp.login(user, password)
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR report.csv", fh)


def upload_sftp(transport, path):
    # ok: python.network.ftplib-ftp
    sftp = paramiko.SFTPClient.from_transport(transport)
    sftp.put(path, "/incoming/report.csv")


def is_ftp_error(exc):
    # ok: python.network.ftplib-ftp
    return isinstance(exc, ftplib.error_perm)
