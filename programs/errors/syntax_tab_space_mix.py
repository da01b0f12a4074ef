def f():
    if True:
        return 1
	else:
        return 2
