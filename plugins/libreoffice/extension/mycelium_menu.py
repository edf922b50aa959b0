"""The Python UNO component behind the "Mycélium" menu of LibreOffice Calc.

LibreOffice creates this component for each menu URL
``service:org.mycelium_sheets.CalcMenu?ACTION`` and calls ``trigger(ACTION)``.
The work is done in the ``mycelium_calc`` package of the extension's
``pythonpath/`` folder, which the Python loader adds to ``sys.path``.
"""

import unohelper
from com.sun.star.task import XJobExecutor

from mycelium_calc.menu import IMPLEMENTATION_NAME


class CalcMenu(unohelper.Base, XJobExecutor):
    """Runs one menu action on the current spreadsheet document."""

    def __init__(self, context):
        self.context = context

    def trigger(self, argument):
        # Imported here so that a fault in the engine shows as a message box
        # when the menu is used, not as a component that fails to register.
        from mycelium_calc.actions import run_action

        run_action(self.context, argument)


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(CalcMenu, IMPLEMENTATION_NAME, ("com.sun.star.task.Job",))
