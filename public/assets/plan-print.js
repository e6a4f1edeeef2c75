// Progressive enhancement of the printable client plan: a button that opens the print dialogue
// (where "Save as PDF" makes a PDF). Without JavaScript the page says how to print instead.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
});
