"""County well registers (机井登记表) as kept — XLSX, CSV, DBF — read into the plugin's wells, or refused row by row."""
