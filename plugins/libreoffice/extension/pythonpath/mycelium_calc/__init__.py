"""The LibreOffice Calc side of Mycélium sheets: menu actions run on the open document.

Modules that talk to LibreOffice import ``uno`` only inside functions or
receive UNO objects as arguments, so the conversions can be tested in a
plain Python without LibreOffice.
"""
