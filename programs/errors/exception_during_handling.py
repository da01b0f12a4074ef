# An exception raised inside an except block: both are shown, chained.

def load_config(settings):
    try:
        return settings["path"]
    except KeyError:
        print("no path configured, using default")
        return default_path_not_defined


print(load_config({"path": "/etc/app"}))
print(load_config({}))
