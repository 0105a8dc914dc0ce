using System.ComponentModel.DataAnnotations;

namespace ScrutinyTracker.Web.Infrastructure.Council;

/// <summary>The "Council" configuration section: whose service this is, shown in the header, the footer and on printed documents.</summary>
public sealed class CouncilOptions
{
    public const string Section = "Council";

    [Required(ErrorMessage = "Set Council:Name to the council's name, e.g. Stockton-on-Tees Borough Council.")]
    [StringLength(100, ErrorMessage = "Council:Name must be 100 characters or fewer.")]
    public string Name { get; set; } = "";

    /// <summary>Where people write about the service: accessibility problems, privacy requests, help.</summary>
    [Required(ErrorMessage = "Set Council:ContactEmail to the address people write to about the service, e.g. scrutiny@council.gov.uk.")]
    [EmailAddress(ErrorMessage = "Council:ContactEmail must be an e-mail address, e.g. scrutiny@council.gov.uk.")]
    public string ContactEmail { get; set; } = "";

    /// <summary>Optional: the council's logo, a path under wwwroot such as "images/council-logo.svg".</summary>
    public string? LogoPath { get; set; }
}
