# taint-suite: cwe=918 vulnerable=yes
# a script fetches a URL typed by the user
import requests


def main():
    url = input("URL to check: ").strip()
    print(requests.head(url, timeout=5, allow_redirects=True).status_code)


if __name__ == "__main__":
    main()
