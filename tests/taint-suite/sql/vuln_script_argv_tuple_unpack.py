# taint-suite: cwe=89 vulnerable=yes
# a script: sys.argv unpacked into a tuple, then formatted
import sqlite3
import sys


def main():
    _, table, user = sys.argv[:3]
    conn = sqlite3.connect("audit.db")
    query = "DELETE FROM {} WHERE user = '{}'".format(table, user)
    conn.executescript(query)


if __name__ == "__main__":
    main()
