using Microsoft.AspNetCore.Hosting;
using ScrutinyTracker.Tests.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>The app of a council that requires an explanation for grades 3 and 4 (Grading:ExplanationRequiredFor = [3, 4]).</summary>
public sealed class ExplanationRequiredAppFactory : ScrutinyAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Grading:ExplanationRequiredFor:0", "3");
        builder.UseSetting("Grading:ExplanationRequiredFor:1", "4");
    }
}
