// Keyboard moves in the cascade table (issue 18): Arrow Up/Down and Enter
// go to the cell above or below in the same column, so Enter never sends
// the whole table by accident. The table works without this script.
"use strict";
document.addEventListener("keydown", function (e) {
  var cell = e.target;
  if (!(cell instanceof HTMLInputElement) || !cell.dataset.col) return;
  var step = 0;
  if (e.key === "ArrowDown" || (e.key === "Enter" && !e.shiftKey)) step = 1;
  else if (e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey)) step = -1;
  else return;
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  var column = Array.prototype.slice.call(
    cell.form.querySelectorAll('input[data-col="' + cell.dataset.col + '"]')
  );
  var next = column[column.indexOf(cell) + step];
  e.preventDefault();
  if (next) {
    next.focus();
    next.select();
  }
});
