from sns_lint.cli import main

main()
