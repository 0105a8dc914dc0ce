using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(SentReminder.KindMaxLength);
        builder.Property(r => r.About).HasMaxLength(SentReminder.AboutMaxLength);
        // The claim: a second instance (or a second run) inserting the same reminder fails here and sends nothing.
        builder.HasIndex(r => new { r.UserId, r.Kind, r.About }).IsUnique();
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
