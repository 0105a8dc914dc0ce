// Client-side validation in GOV.UK style, on top of jQuery Validation's unobtrusive adapter, which
// reads the data-val attributes our form tag helpers render. It only saves a round trip: the server
// validates every post again. Errors look like the server's: the field's error message and error
// classes, and an error summary above the page heading.
(function ($) {
  "use strict";

  var fieldErrorClasses = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error"
  };

  function errorMessageOf(element) {
    return $(element).closest(".govuk-form-group").find("p.govuk-error-message").first();
  }

  function setFieldError(element, hasError) {
    $.each(fieldErrorClasses, function (fieldClass, errorClass) {
      if ($(element).hasClass(fieldClass)) {
        $(element).toggleClass(errorClass, hasError);
      }
    });
    $(element).closest(".govuk-form-group").toggleClass("govuk-form-group--error", hasError);

    var message = errorMessageOf(element);
    if (hasError && message.children(".govuk-visually-hidden").length === 0) {
      message.prepend('<span class="govuk-visually-hidden">Error:</span> ');
    }
    message.prop("hidden", !hasError);
  }

  function showErrorSummary(form, validator) {
    var main = $(form).closest("main");
    main.find(".govuk-error-summary").remove();
    if (validator.errorList.length === 0) {
      return;
    }

    var list = $('<ul class="govuk-list govuk-error-summary__list"></ul>');
    $.each(validator.errorList, function () {
      var link = $("<a></a>").attr("href", "#" + this.element.id).text(this.message);
      list.append($("<li></li>").append(link));
    });
    var summary = $('<div class="govuk-error-summary" tabindex="-1"><div role="alert">' +
      '<h2 class="govuk-error-summary__title">There is a problem</h2>' +
      '<div class="govuk-error-summary__body"></div></div></div>');
    summary.find(".govuk-error-summary__body").append(list);
    main.find("h1").first().before(summary);
    summary.trigger("focus");

    if (document.title.indexOf("Error: ") !== 0) {
      document.title = "Error: " + document.title;
    }
  }

  $.validator.setDefaults({
    focusInvalid: false,
    // Validate on submit only, as GOV.UK advises. Revalidating a field when it loses focus (or on a
    // key press or click) shows or removes its error message there and then, which moves everything
    // below it: pressing a button after correcting a field blurs the field, the form shifts between
    // mousedown and mouseup, and the click is lost. The errors shown stay until the next submit.
    onfocusout: false,
    onkeyup: false,
    onclick: false,
    highlight: function (element) { setFieldError(element, true); },
    unhighlight: function (element) { setFieldError(element, false); }
  });

  $.validator.unobtrusive.options = {
    // jQuery Validate names its message element "<field>-error", the id of our own message paragraph.
    errorPlacement: function (error) { error.removeAttr("id"); },
    invalidHandler: function (event, validator) { showErrorSummary(this, validator); }
  };
})(jQuery);
