# raise ... from ...: the original error is shown as the direct cause.

class ConfigError(Exception):
    pass


def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("invalid port setting: " + repr(text)) from e


print("port:", parse_port("8080"))
print("port:", parse_port("eighty"))
