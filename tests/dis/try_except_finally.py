# try with two except clauses, else and finally; a bare re-raise.
def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print("bad:", e)
        value = None
    except (TypeError, KeyError):
        raise
    else:
        print("ok")
    finally:
        print("done")
    return value


parse("12")
parse("x")
