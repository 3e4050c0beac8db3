import sqlite3

connection = sqlite3.connect("app.db")
