using System.ComponentModel.DataAnnotations;

namespace ScrutinyTracker.Web.Features.Public.OpenData;

/// <summary>The "OpenData" configuration section: the licence the council publishes its open data under.</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    [Required]
    public string LicenceName { get; set; } = "Open Government Licence v3.0";

    [Required, Url]
    public string LicenceUrl { get; set; } = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
}
