print("khanaen")
