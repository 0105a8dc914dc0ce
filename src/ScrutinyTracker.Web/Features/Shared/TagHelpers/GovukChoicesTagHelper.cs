using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary>
/// GOV.UK radios or checkboxes in a fieldset:
/// <c>&lt;govuk-radios for="Grade" legend="Assessment of progress" items="@items" /&gt;</c>.
/// The first option carries the field's id, so the error summary link lands on it.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukChoicesTagHelper(IHtmlGenerator generator) : GovukFieldTagHelper(generator)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>"govuk-radios--inline" or "govuk-radios--small" and the like.</summary>
    [HtmlAttributeName("choices-class")]
    public string? ChoicesClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var kind = context.TagName == "govuk-radios" ? "radios" : "checkboxes";
        StartFormGroup(output);

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        fieldset.Attributes["aria-describedby"] = DescribedBy();
        var legend = new TagBuilder("legend");
        legend.AddCssClass("govuk-fieldset__legend" + (LabelSize is null ? "" : $" govuk-fieldset__legend--{LabelSize}"));
        legend.InnerHtml.Append(Legend ?? LabelText);
        fieldset.InnerHtml.AppendHtml(legend);
        fieldset.InnerHtml.AppendHtml(BuildHint() ?? HtmlString.Empty);
        fieldset.InnerHtml.AppendHtml(BuildError());

        var selected = SelectedValues();
        var list = new TagBuilder("div");
        list.AddCssClass($"govuk-{kind}" + (ChoicesClass is null ? "" : " " + ChoicesClass));
        list.Attributes["data-module"] = $"govuk-{kind}";
        var index = 0;
        foreach (var item in Items)
        {
            var id = index == 0 ? Id : $"{Id}-{index + 1}";
            var itemDiv = new TagBuilder("div");
            itemDiv.AddCssClass($"govuk-{kind}__item");
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass($"govuk-{kind}__input");
            input.Attributes["id"] = id;
            input.Attributes["name"] = FullName;
            input.Attributes["type"] = kind == "radios" ? "radio" : "checkbox";
            input.Attributes["value"] = item.Value;
            if (selected.Contains(item.Value) || (selected.Count == 0 && item.Selected))
            {
                input.Attributes["checked"] = "checked";
            }

            var label = new TagBuilder("label");
            label.AddCssClass($"govuk-label govuk-{kind}__label");
            label.Attributes["for"] = id;
            label.InnerHtml.Append(item.Text);
            itemDiv.InnerHtml.AppendHtml(input).AppendHtml(label);
            list.InnerHtml.AppendHtml(itemDiv);
            index++;
        }

        fieldset.InnerHtml.AppendHtml(list);
        output.Content.AppendHtml(fieldset);
    }

    private HashSet<string> SelectedValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string s => [s],
                string[] many => [.. many],
                _ => [entry.AttemptedValue ?? ""],
            };
        }

        return For.Model switch
        {
            null => [],
            string s => [s],
            System.Collections.IEnumerable many => [.. many.Cast<object>().Select(Format)],
            var single => [Format(single)],
        };

        static string Format(object value) => value is Enum e
            ? Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
