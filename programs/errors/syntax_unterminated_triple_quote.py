text = """starts here
and never
ends
