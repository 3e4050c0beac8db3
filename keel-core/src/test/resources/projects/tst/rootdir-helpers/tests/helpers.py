def same_status(response, status):
    assert response["status"] == status


def send(path):
    return {"status": 200, "path": path}
