package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os/exec"
	"time"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("url")
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/bin/bash", "-c", fmt.Sprintf("ping -c 3 -W 2 %s", host))
	if err := cmd.Run(); err != nil {
		fmt.Fprint(w, "DOWN")
		return
	}
	fmt.Fprint(w, "UP")
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
