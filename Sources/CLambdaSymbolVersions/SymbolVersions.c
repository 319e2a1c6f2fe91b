// The Lambda image (provided.al2023) has glibc 2.34 and gcc 11's libstdc++. Linked on a newer
// system, the bootstrap would import a few symbols under versions those lack: glibc 2.35's
// hypot/hypotf and libstdc++ 12's condition_variable::wait (GLIBCXX_3.4.30). Defining them here
// makes every reference in the statically linked Swift runtime bind to these, which call the older
// versions that both libraries still export. scripts/package-lambda checks that nothing newer is left.
#include <features.h>

#if defined(__linux__) && defined(__GLIBC__) && (defined(__x86_64__) || defined(__aarch64__))
#if defined(__x86_64__)
#define STARFLEET_OLD_LIBM "GLIBC_2.2.5"
#else
#define STARFLEET_OLD_LIBM "GLIBC_2.17"
#endif

double starfleet_old_hypot(double x, double y);
float starfleet_old_hypotf(float x, float y);
__asm__(".symver starfleet_old_hypot, hypot@" STARFLEET_OLD_LIBM);
__asm__(".symver starfleet_old_hypotf, hypotf@" STARFLEET_OLD_LIBM);

double hypot(double x, double y) { return starfleet_old_hypot(x, y); }
float hypotf(float x, float y) { return starfleet_old_hypotf(x, y); }

// std::condition_variable::wait(std::unique_lock<std::mutex>&): `this`, then the lock by reference.
void starfleet_old_condition_variable_wait(void *self, void *lock);
__asm__(".symver starfleet_old_condition_variable_wait, _ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE@GLIBCXX_3.4.11");

void _ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE(void *self, void *lock) {
    starfleet_old_condition_variable_wait(self, lock);
}
#endif
