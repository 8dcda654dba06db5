"""The relay kit (issue #16, parts 6 and 7): for each sent edition of the letter and each
published guide, a pack an ambassador shows to colleagues (a one-page A4 summary and 16:9
slides, rendered by WeasyPrint through guides.pdf), their mutuelle's local part, and the relay
sessions they record, each told to the coordination as a field feedback of the plan.

selectors.py reads what a kit shows; services.py writes the local part and the sessions;
printing.py renders the two PDFs (on request: a kit renders in well under two seconds);
views.py and forms.py are the "Kit de relais" page."""
