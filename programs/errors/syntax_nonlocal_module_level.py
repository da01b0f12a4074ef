print("module start")
nonlocal counter
counter = 0
