public enum InsuranceKit {}
