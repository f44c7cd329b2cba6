-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d):
-- one database per service (docs/service-conventions.md). Each service's Flyway creates its tables.
CREATE DATABASE closure;
CREATE DATABASE contracts;
CREATE DATABASE payouts;
CREATE DATABASE funding;
CREATE DATABASE catalog;
