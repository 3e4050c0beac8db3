def main():
    print("ledger")
