using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.Property(a => a.Heading).HasMaxLength(PlanAction.HeadingMaxLength);
        builder.Property(a => a.Responsibility).HasMaxLength(PlanAction.ResponsibilityMaxLength);
        builder.Property(a => a.TargetDate).HasMaxLength(PlanAction.TargetDateMaxLength);
        builder.Property(a => a.AgreedAction).HasMaxLength(PlanAction.AgreedActionMaxLength);
        builder.Property(a => a.SuccessMeasure).HasMaxLength(PlanAction.SuccessMeasureMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // Updates cascade from their round; an action with updates is never deleted (the review is completed instead).
        builder.HasMany(a => a.Updates).WithOne(u => u.PlanAction)
            .HasForeignKey(u => u.PlanActionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
