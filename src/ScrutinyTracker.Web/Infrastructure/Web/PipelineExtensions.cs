using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ScrutinyTracker.Web.Infrastructure.Web;

public static class PipelineExtensions
{
    public static WebApplication UseScrutinyPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapControllers();
        return app;
    }
}
