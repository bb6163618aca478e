from django.contrib.auth import get_user_model

from library.models import Book as LibraryBook
from library.models import Author

User = get_user_model()
BOOK_TABLE = "library_book"


def books_by(author_name):
    # ruleid: python.sql-injection.django-raw-formatted
    return LibraryBook.objects.raw("SELECT * FROM library_book WHERE author = '%s'" % author_name)


def authors_born(year):
    # ruleid: python.sql-injection.django-raw-formatted
    return Author.objects.raw(f"SELECT * FROM library_author WHERE birth_year = {year}")


def users_sorted(column):
    # ruleid: python.sql-injection.django-raw-formatted
    return User.objects.db_manager("replica").raw("SELECT * FROM auth_user ORDER BY " + column)


def books_matching(title):
    query = "SELECT * FROM library_book WHERE title LIKE '%%{}%%'".format(title)
    # ruleid: python.sql-injection.django-raw-formatted
    return list(LibraryBook.objects.raw(query))


def books_by_safe(author_name):
    # ok: python.sql-injection.django-raw-formatted
    return LibraryBook.objects.raw("SELECT * FROM library_book WHERE author = %s", [author_name])


def authors_born_safe(year):
    # ok: python.sql-injection.django-raw-formatted
    return Author.objects.raw("SELECT * FROM library_author WHERE birth_year = %(year)s", {"year": year})


def all_books():
    # ok: python.sql-injection.django-raw-formatted
    return LibraryBook.objects.raw("SELECT * FROM %s ORDER BY title" % BOOK_TABLE)


def filter_by(author_name):
    # ok: python.sql-injection.django-raw-formatted
    return LibraryBook.objects.filter(author=author_name)
