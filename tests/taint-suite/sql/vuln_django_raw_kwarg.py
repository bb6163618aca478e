# taint-suite: cwe=89 vulnerable=yes
# a Django URL keyword argument in Manager.raw()
from django.shortcuts import render

from shop.models import Product


def category(request, slug):
    sql = "SELECT * FROM shop_product WHERE category_slug = '%s'" % slug
    products = Product.objects.raw(sql)
    return render(request, "shop/category.html", {"products": products})
