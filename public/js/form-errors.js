/*
 * Brings form errors into view. Loaded by the error summary
 * (components/form/errors.edge) as a file, never inline (CSP).
 * On load, the first field with an error gets the focus, so it is on the
 * screen and a screen reader reads its label and message; without such a
 * field the summary gets it. The summary's links focus their field too.
 */
;(function () {
  var summary = document.querySelector('[data-error-summary]')
  if (!summary) return

  function fieldOf(link) {
    var id = decodeURIComponent(link.hash.slice(1))
    return id ? document.getElementById(id) : null
  }

  function reveal(element) {
    var box = element.closest('.field') || element
    element.focus({ preventScroll: true })
    box.scrollIntoView({ block: 'center' })
  }

  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]')
    var field = link && fieldOf(link)
    if (!field) return
    event.preventDefault()
    reveal(field)
  })

  var first = document.querySelector('[aria-invalid="true"]')
  if (!first) {
    var links = summary.querySelectorAll('a[href^="#"]')
    for (var i = 0; i < links.length && !first; i++) first = fieldOf(links[i])
  }
  if (first) reveal(first)
  else summary.focus()
})()
