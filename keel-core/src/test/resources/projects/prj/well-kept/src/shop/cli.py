def main() -> None:
    print("shop")
