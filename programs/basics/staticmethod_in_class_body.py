# A @staticmethod helper called inside its class body (Python 3.10+).
class Config:
    @staticmethod
    def normalize(name):
        return name.strip().lower()

    DEFAULTS = {normalize(" Host "): "localhost", normalize("PORT"): 8080}

    @classmethod
    def make(cls):
        return cls()


print(Config.DEFAULTS, Config.normalize(" X "), Config().normalize("Y"))
print(callable(staticmethod(len)), staticmethod(len)([1, 2]))
try:
    classmethod(len)([1])
except TypeError as e:
    print("TypeError:", e)
