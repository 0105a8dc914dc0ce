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

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Forms.FormReadingMiddleware>();

        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapControllers();
        return app;
    }
}
