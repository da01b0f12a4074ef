def greet(name):
    print("hello", name)
      print("indented too far")
