# taint-suite: cwe=643 vulnerable=yes
# a script reads a product id from input()
from lxml import etree


def main():
    doc = etree.parse("products.xml")
    pid = input("product id: ")
    for price in doc.xpath("//product[@id=" + pid + "]/price/text()"):
        print(price)


if __name__ == "__main__":
    main()
