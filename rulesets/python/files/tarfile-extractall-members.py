import tarfile as tf


def extract_json(path, dest):
    with tf.open(path) as tar:
        wanted = [m for m in tar.getmembers() if m.name.endswith(".json")]
        # ruleid: python.files.tarfile-extractall-members
        tar.extractall(dest, members=wanted)


def extract_listed(tar, dest, names):
    # ruleid: python.files.tarfile-extractall-members
    tar.extractall(path=dest, members=[tar.getmember(n) for n in names])


def extract_all_members(path, dest):
    archive = tf.open(path)
    members = archive.getmembers()
    # ruleid: python.files.tarfile-extractall-members
    archive.extractall(
        dest,
        members=members,
    )


def extract_generator(tar, dest):
    # ruleid: python.files.tarfile-extractall-members
    tar.extractall(dest, members=(m for m in tar if m.isfile()))


def extract_json_safe(path, dest):
    with tf.open(path) as tar:
        wanted = [m for m in tar.getmembers() if m.name.endswith(".json")]
        # ok: python.files.tarfile-extractall-members
        tar.extractall(dest, members=wanted, filter="data")


def extract_files(tar, dest):
    # ok: python.files.tarfile-extractall-members
    tar.extractall(dest, filter="data")


def list_members(tar):
    # ok: python.files.tarfile-extractall-members
    return [m.name for m in tar.getmembers()]
