from urllib.request import urlopen

with urlopen("http://localhost:8000/api/status/", timeout=5) as response:
    assert response.status == 200
print("Status OK")
