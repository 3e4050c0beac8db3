# reports will live here
