import SpecGenCore

print("specgen: under construction")
