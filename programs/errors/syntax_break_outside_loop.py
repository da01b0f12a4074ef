count = 0
if count == 0:
    break
