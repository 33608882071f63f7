from taimei.cli import main

main()
