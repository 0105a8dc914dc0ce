using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class ExecutiveResponseConfiguration : IEntityTypeConfiguration<ExecutiveResponse>
{
    public void Configure(EntityTypeBuilder<ExecutiveResponse> builder)
    {
        builder.HasKey(r => r.RecommendationId);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Text).HasMaxLength(ExecutiveResponse.TextMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // The response goes with its recommendation (which goes with its review).
        builder.HasOne(r => r.Recommendation).WithOne(x => x.ExecutiveResponse)
            .HasForeignKey<ExecutiveResponse>(r => r.RecommendationId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RecordedBy).WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
