# taint-suite: cwe=90 vulnerable=yes
# an admin script reads the uid with input()
import ldap


def main():
    conn = ldap.initialize("ldap://localhost")
    uid = input("uid: ").strip()
    for dn, _ in conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")"):
        print(dn)


if __name__ == "__main__":
    main()
