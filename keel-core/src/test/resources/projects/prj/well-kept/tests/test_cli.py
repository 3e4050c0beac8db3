from shop.cli import main


def test_main_runs() -> None:
    main()
