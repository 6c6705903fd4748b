from warta.commands.cli import main

main()
